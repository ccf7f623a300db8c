#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so `npx lapor-paman` works right after `npm install`.
import { register } from 'tsx/esm/api';

// The SDK's Node 22 notice is known (see README); it would otherwise open every command's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

register();
await import('../cli/main.ts');
