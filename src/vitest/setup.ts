import { registerMatchers } from './matchers.js';

registerMatchers();
