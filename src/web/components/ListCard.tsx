import type { ReactNode } from 'react';

/** A card with a heading and a list, one item a row; nothing at all while the list is empty. */
export function ListCard<T extends { id: string }>({ id, title, listClassName, items, children }: { id: string; title: string; listClassName: string; items: readonly T[]; children: (item: T) => ReactNode }) {
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className={listClassName}>
        {items.map((item) => (
          <li key={item.id}>{children(item)}</li>
        ))}
      </ul>
    </section>
  );
}
