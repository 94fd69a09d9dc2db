# One image for every Praxis service; the compose file picks the entry point per container.
FROM node:20.20-bookworm-slim
WORKDIR /praxis
ENV NODE_ENV=production NX_DAEMON=false NX_NO_CLOUD=true
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY libs ./libs
COPY apps ./apps
COPY infra ./infra
USER node
# TypeScript is transpiled on load by SWC (decorator metadata included); see README "Production".
ENTRYPOINT ["node", "-r", "@swc-node/register"]
