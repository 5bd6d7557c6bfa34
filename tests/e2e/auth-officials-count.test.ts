// Officials in Chromium (second half of the roles): each reaches exactly their screens.
import { describeRoles, ROLES } from './auth-roles.ts';

describeRoles('officials in Chromium: Team B, trustees, kiosks, observers', ROLES.slice(4));
