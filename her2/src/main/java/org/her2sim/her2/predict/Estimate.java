// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

/**
 * A probability with its standard error.
 *
 * @param p the probability
 * @param se its standard error
 */
public record Estimate(double p, double se) { }
