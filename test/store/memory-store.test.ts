import { createMemoryStore } from "../../src/store/memory-store.js";
import { describeStoreContract } from "../contracts/store.contract.js";

describeStoreContract("memory", async () => ({ store: createMemoryStore(), prefix: "mem" }));
