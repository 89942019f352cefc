# SparseMSE's estimate on each of the engine's bootstrap resamples (bench/estimateResamples.ts):
# estimatepopulation.0 with stepwise selection (pthresh 0.02) is exactly what SparseMSE's
# estimatepopulation computes on each of its own bootstrap tables.
# Needs R with lpSolve and SparseMSE 2.0.1's R/routines.R (cran/SparseMSE on GitHub); SparseMSE's
# other import, Rcapture, is not used by these functions.
# Run with: Rscript bench/sparsemseReplicates.R path/to/routines.R resamples.csv > estimates.csv
suppressMessages(library(lpSolve))
args <- commandArgs(trailingOnly = TRUE)
source(args[1])
resamples <- read.csv(args[2])
lists <- setdiff(names(resamples), c("replicate", "count"))
cat("replicate,estimate\n")
for (replicate in sort(unique(resamples$replicate))) {
  zdat <- resamples[resamples$replicate == replicate, c(lists, "count")]
  estimate <- suppressWarnings(estimatepopulation.0(zdat, quantiles = NULL, pthresh = 0.02)$estimate)
  cat(sprintf("%d,%.15g\n", replicate, estimate))
}
