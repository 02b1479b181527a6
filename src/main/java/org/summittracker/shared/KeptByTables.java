package org.summittracker.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read kept by the tables it reads, as the query methods of every repository are: while
 * a reader's request reads (a page, a feed, an export) and none of the tables named by
 * the SQL it sends was written since, a call with equal arguments is answered with what
 * it answered before. Its answer must be a value (records, texts, numbers, dates, lists,
 * maps and pages of them) and so must its arguments; when they are not, it reads each
 * time, as it does within a transaction that may write. Called through its bean, as any
 * advice.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface KeptByTables {

}
