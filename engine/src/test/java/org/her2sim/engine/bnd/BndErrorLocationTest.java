// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.bnd;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.her2sim.engine.error.ModelException;
import org.junit.jupiter.api.Test;

/** Error locations where the natural token to blame is not the next one. */
class BndErrorLocationTest {

    @Test
    void unfinishedOneLinerPointsAtTheEndOfItsLine() {
        assertThatThrownBy(() -> BndParser.parse("m.bnet", "A , B &\nB , A\n"))
            .isInstanceOf(ModelException.class)
            .hasMessageStartingWith("m.bnet:1:8: expected an expression but found end of input");
    }

    @Test
    void missingClosingBraceNamesTheUnclosedNode() {
        assertThatThrownBy(() -> BndParser.parse("m.bnd", "node A {\n  logic = B;\nnode B { logic = A; }\n"))
            .isInstanceOf(ModelException.class)
            .hasMessageStartingWith("m.bnd:3:1: node A (line 1) is not closed");
    }
}
