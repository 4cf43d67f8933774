# One image for both the API and the workers (docker-compose.yml picks the role). It runs the
# compiled JavaScript (dist/server), never a TypeScript loader.

# Build: dev dependencies (TypeScript, Vite) are needed only here.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --include=dev --no-audit --no-fund
COPY . .
RUN npm run -s build

# Run: production dependencies, the compiled server and front ends, and the files read at run
# time (migrations, the triage model, the municipality file).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# A young generation of 2 MiB semi-spaces instead of V8's 16: about 50 MiB less resident per
# workers process under load, CPU per message within the bench's spread (README, "Memory");
# as `npm start` runs it.
ENV NODE_OPTIONS=--max-semi-space-size=2
# The つなぐシート and 開示請求 PDFs are set in Noto Sans CJK (REFERRAL_PDF_FONT's default path).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY drizzle ./drizzle
COPY models ./models
COPY config ./config
USER node
EXPOSE 3000 9464
CMD ["node", "--enable-source-maps", "dist/server/src/main.js", "--role=api"]
