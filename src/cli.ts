#!/usr/bin/env node
// `npx eslint-plugin-temporalio explain [file]`: implemented with the project model.
process.stdout.write('eslint-plugin-temporalio: usage: eslint-plugin-temporalio explain [file]\n');
