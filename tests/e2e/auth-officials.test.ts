// Officials in Chromium (first half of the roles): each reaches exactly their screens.
import { test } from 'node:test';
import { describeRoles, ROLES, voterIsRefusedOfficialScreens } from './auth-roles.ts';

describeRoles('officials in Chromium: administration, communes, posts, Team A', ROLES.slice(0, 4), (context) => {
  test('a voter is refused the officials’ screens', async () => {
    const { server, browser } = context();
    await voterIsRefusedOfficialScreens(server, browser);
  });
});
