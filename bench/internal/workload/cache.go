package workload

import "sync"

// A Cache generates each workload once per process and hands out the same
// value afterwards, so benchmarks do not repeat their setup. The zero value
// is ready to use; a Cache is safe for concurrent use.
type Cache struct {
	mu    sync.Mutex
	plans map[cacheKey]*Workload
	alloc *Alloc
}

type cacheKey struct {
	kind Kind
	n    int
}

// Workload returns Generate(kind, n, Extra), generated on first use.
func (c *Cache) Workload(kind Kind, n int) (*Workload, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := cacheKey{kind, n}
	if w, ok := c.plans[k]; ok {
		return w, nil
	}
	w, err := Generate(kind, n, Extra)
	if err != nil {
		return nil, err
	}
	if c.plans == nil {
		c.plans = make(map[cacheKey]*Workload)
	}
	c.plans[k] = w
	return w, nil
}

// Alloc returns GenerateAlloc(AllocUsed, AllocCount), generated on first use.
func (c *Cache) Alloc() (*Alloc, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.alloc == nil {
		a, err := GenerateAlloc(AllocUsed, AllocCount)
		if err != nil {
			return nil, err
		}
		c.alloc = a
	}
	return c.alloc, nil
}
