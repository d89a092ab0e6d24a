/**
 * AWS capabilities, one small class each, through the AWS SDK v2: the database login
 * from Secrets Manager. (Metrics reach CloudWatch through Micrometer, in {@code metrics}.)
 */
package io.slotpoll.aws;
