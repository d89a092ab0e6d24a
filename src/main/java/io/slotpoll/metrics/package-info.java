/**
 * The service's meters through Micrometer, published to CloudWatch and to a Prometheus
 * scrape as configured, with dimensions bounded to route templates and status classes.
 */
package io.slotpoll.metrics;
