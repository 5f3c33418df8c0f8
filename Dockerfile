# syntax=docker/dockerfile:1
# Node 24 (the current LTS), pinned by digest so every build starts from the same image: node:24-bookworm-slim as
# Docker Hub published it for Node 24.18.0. Docker Hub was not reachable where this was written, so the digest was
# taken from public projects pinning the same tag, not read from the registry. To move to a newer image:
#   docker buildx imagetools inspect node:24-bookworm-slim   (the "Digest:" line)
ARG NODE_IMAGE=node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d

# Build stage: the full install (TypeScript) compiles to dist/.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# .dockerignore keeps node_modules, dist, .env and the tests out of the context.
COPY . .
RUN npm run build

# Runtime stage: production dependencies only (no TypeScript, no loader), non-root.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production PORT=3000
# The summary chart's text is drawn with DejaVu Sans (resvg has no fonts of its own).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node itself as PID 1 (not npm), so SIGTERM from `docker stop` reaches the app; "main" in package.json names the file.
CMD ["node", "."]
