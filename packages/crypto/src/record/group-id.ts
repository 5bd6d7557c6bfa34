/**
 * A counting group's id is `constituency/mode/category` (e.g. `liege/online/belgium`): the part
 * before the first `/` is the constituency every ballot of the group must have been proven for
 * (PROTOCOL.md §8). A group merged into another (too few ballots) keeps the target's id, which is in
 * the same constituency, so the rule holds for merged groups too.
 */
export function constituencyOfGroup(groupId: string): string {
  const slash = groupId.indexOf('/');
  return slash < 0 ? groupId : groupId.slice(0, slash);
}
