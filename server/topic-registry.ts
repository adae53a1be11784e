/** Which connections listen on which topic; empty topics are forgotten so the map cannot grow unbounded. */
export interface TopicRegistry<C> {
  readonly add: (topic: string, conn: C) => void;
  readonly remove: (topic: string, conn: C) => void;
  readonly subscribers: (topic: string) => readonly C[];
  readonly size: () => number;
}

export const createTopicRegistry = <C>(): TopicRegistry<C> => {
  const topics = new Map<string, Set<C>>();
  return {
    add: (topic, conn) => {
      const subs = topics.get(topic);
      if (subs) subs.add(conn);
      else topics.set(topic, new Set([conn]));
    },
    remove: (topic, conn) => {
      const subs = topics.get(topic);
      if (!subs) return;
      subs.delete(conn);
      if (subs.size === 0) topics.delete(topic);
    },
    // A copy, so sends that close sockets cannot disturb the iteration.
    subscribers: (topic) => [...(topics.get(topic) ?? [])],
    size: () => topics.size,
  };
};
