# One image for both the API and the workers (docker-compose.yml picks the role).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Dev dependencies are needed once, to build the front ends; tsx runs the TypeScript.
RUN npm ci --include=dev
COPY . .
RUN npm run -s build:web
USER node
EXPOSE 3000
CMD ["npx", "tsx", "src/main.ts", "--role=api"]
