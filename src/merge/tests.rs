//! Tests of the tree merge and the convergence property.
