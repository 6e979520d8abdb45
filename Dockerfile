# One image for every Parley process (api, worker, the migrate one-shot): the TypeScript sources
# run directly through scripts/register.js, so there is no build step to keep in sync.
FROM node:20-bookworm-slim

ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

WORKDIR /app
# Owned by the unprivileged user; .parley is where the `parley-state` volume is mounted (uploads,
# a generated encryption key), created here so a fresh volume starts out writable by that user.
RUN mkdir -p /app/.parley/uploads && chown -R node:node /app
USER node

# Dependencies first, so editing sources does not re-run the install. `postinstall` generates the
# Prisma client, which needs the schema, the Prisma config and the generator script.
COPY --chown=node:node package.json package-lock.json prisma.config.ts ./
COPY --chown=node:node scripts ./scripts
COPY --chown=node:node prisma ./prisma
RUN npm install --no-audit --no-fund && npm cache clean --force

COPY --chown=node:node . .

ENV PORT=3000
EXPOSE 3000
CMD ["node", "-r", "./scripts/register.js", "apps/api/src/main.ts"]
