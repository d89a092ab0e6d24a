/** Liveness, readiness and the load balancer's health check. */
package io.slotpoll.health;
