package uk.london.victims.application.axon;

import java.lang.reflect.Field;

import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.ehcache.core.Ehcache;

import uk.london.victims.application.store.MongoEventStorageEngine;

/**
 * The case cache for instances that share a store. Another instance may have appended to a case since
 * this one cached it; deciding on the stale copy would refuse a change with a wrong 422 ("no such
 * victim") where the real history allows it. So a cached case is used only while the store has no event
 * after its version (one {@code _id} lookup, against the several a full load costs); otherwise it is
 * dropped and the case is loaded afresh.
 */
final class StoreCheckedCache extends EhCache3Adapter {

    private static final Field VERSION = versionField();

    private final MongoEventStorageEngine events;

    @SuppressWarnings({"rawtypes", "unchecked"})
    StoreCheckedCache(Ehcache ehcache, MongoEventStorageEngine events) {
        super(ehcache);
        this.events = events;
    }

    @Override
    public <K, V> V get(K key) {
        V value = super.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !current(key.toString(), entry)) {
            remove(key);
            return null;
        }
        return value;
    }

    private boolean current(String aggregateIdentifier, AggregateCacheEntry<?> entry) {
        Long version = version(entry);
        // Not knowing the version is treated as stale: a reload is slower, never wrong.
        return version != null && !events.hasEventAfter(aggregateIdentifier, version);
    }

    private static Long version(AggregateCacheEntry<?> entry) {
        if (VERSION == null) {
            return null;
        }
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /** Axon 4 keeps the cached version private; its 4.x line is frozen, and a rename would only cost reloads. */
    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
