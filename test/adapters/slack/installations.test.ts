import { createMemoryStore } from "../../../src/store/memory-store.js";
import { connectRedisClient } from "../../../src/store/redis-client.js";
import { createRedisStore } from "../../../src/store/redis-store.js";
import { describeSlackInstallationsContract } from "../../contracts/slack-installations.contract.js";
import { deleteKeys, REDIS_URL, redisTestScope, uniquePrefix } from "../../store/redis-helpers.js";

describeSlackInstallationsContract("memory", async () => {
  const store = createMemoryStore();
  return { store, prefix: "mem", cleanup: () => store.close() };
});

const prefix = uniquePrefix("installations");
const scope = redisTestScope(prefix);
let run = 0;
describeSlackInstallationsContract("redis", async () => {
  const testPrefix = `${prefix}-${run++}`;
  const store = createRedisStore(await connectRedisClient({ url: REDIS_URL, failFast: true }, 2000));
  return {
    store,
    prefix: testPrefix,
    cleanup: async () => {
      await deleteKeys(scope.admin, testPrefix);
      await store.close();
    },
  };
});
