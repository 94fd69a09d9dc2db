# One image for every Praxis service; the compose file picks the compiled entry point per container.
# Build stage: all dependencies (SWC is a dev dependency) compile apps, libraries and tools into dist/.
FROM node:20.20.2-bookworm-slim AS build
WORKDIR /praxis
ENV NX_DAEMON=false NX_NO_CLOUD=true
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY tools ./tools
COPY libs ./libs
COPY apps ./apps
# the services with SWC, the web client with Vite (dist/web, served by the gateway at /)
RUN npm run build && npm run build:web

# Runtime stage: production dependencies and the compiled output only; plain node, no loader, not root.
FROM node:20.20.2-bookworm-slim AS runtime
WORKDIR /praxis
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /praxis/dist ./dist
COPY infra/supergraph.graphql ./infra/supergraph.graphql
USER node
ENTRYPOINT ["node"]
