/**
 * What text a person may send (labels and free text) and how stored text is written into
 * generated files (no control characters), for every way in and out of the service.
 */
package io.slotpoll.text;
