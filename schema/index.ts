import { builder } from './builder.js';
import './errors.js';
import './projects.js';
import './apiTokens.js';
import './viewer.js';

export const schema = builder.toSchema({ sortSchema: false });
