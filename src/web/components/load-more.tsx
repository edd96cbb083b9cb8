import { Button, Center } from '@mantine/core';

interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** "Load more" under a keyset-paged list, shown while the server has a next page. */
export function LoadMore({ query, size = 'sm' }: { query: PagedQuery; size?: 'xs' | 'sm' }) {
  if (!query.hasNextPage) return null;
  return (
    <Center>
      <Button
        variant="default"
        size={size}
        onClick={() => query.fetchNextPage()}
        loading={query.isFetchingNextPage}
      >
        Load more
      </Button>
    </Center>
  );
}
