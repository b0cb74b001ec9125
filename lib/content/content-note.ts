export const CONTENT_NOTE =
  "This story is about the sexual exploitation of children. It describes no abuse in detail. " +
  "Help and reporting lines are at the foot of every page, and the Leave quickly button takes you to " +
  "a weather site at once.";
