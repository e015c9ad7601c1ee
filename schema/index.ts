import { builder } from './builder.js';
import './errors.js';
import './projects.js';
import './apiTokens.js';
import './viewer.js';
import './categories.js';
import './articles.js';
import './driveAssets.js';
import './auditEvents.js';

export const schema = builder.toSchema({ sortSchema: false });
