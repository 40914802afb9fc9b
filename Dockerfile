# syntax=docker/dockerfile:1
# improvement-bot. Stages: `deps` (the build tools better-sqlite3's compile needs), `test` (CI's
# own commands: docker build --target test .), `build` (production dependencies only, and the
# compiled app) and the
# final image, which runs as the unprivileged `node` user with no compiler in it.
# The RUN lines that install and test are the commands .ci/run runs;
# test/unit/dockerfile-ci.test.ts fails if the two drift apart.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ git ca-certificates poppler-utils \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# What `npm ci` and its postinstall (the Prisma clients) need, before the rest, so a code change
# does not redo the install.
COPY package.json package-lock.json ./
COPY scripts/ scripts/
COPY prisma/ prisma/

FROM deps AS test
ENV CI=true
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run typecheck
RUN npm run lint
RUN npm test

FROM deps AS build
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
RUN npm run build

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
  PORT=3000 \
  DATABASE_URL=file:/data/improvement.db
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/livez').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The compiled app (npm run build: dist/main.js), run by node itself: no npm, no tsx, so start-up
# and memory stay close to a bare Bolt app's, and SIGTERM reaches the app for a clean stop.
CMD ["node", "dist/main.js"]
