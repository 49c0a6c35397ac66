# glmnet's gaussian Lasso, timed as a user would fit it on data already in memory, for LassoPeerBenchmark.
# usage: Rscript glmnet_lasso.R DATA N P INTERCEPT(0|1) REPS THRESHS(comma list) single LAMBDA
#        Rscript glmnet_lasso.R DATA N P INTERCEPT(0|1) REPS THRESHS path LAMBDAS(comma list, largest first)
# DATA: X column after column, then y, little-endian doubles. Prints one line per threshold:
#   R thresh median_seconds objective(s, comma separated for a path) nonzeros(at the last lambda)
suppressMessages(library(glmnet))
a <- commandArgs(TRUE)
n <- as.integer(a[2]); p <- as.integer(a[3]); icpt <- a[4] == "1"; reps <- as.integer(a[5])
th <- as.numeric(strsplit(a[6], ",")[[1]]); mode <- a[7]
lams <- as.numeric(strsplit(a[8], ",")[[1]])
con <- file(a[1], "rb"); raw <- readBin(con, "double", n * p + n, size = 8, endian = "little"); close(con)
X <- matrix(raw[1:(n * p)], n, p); y <- raw[(n * p + 1):(n * p + n)]
obj <- function(b0, w, l) { r <- y - X %*% w - b0; sum(r^2) / (2 * n) + l * sum(abs(w)) }
for (t in th) {
  ts <- c()
  for (k in 1:reps) {
    t0 <- Sys.time()
    m <- glmnet(X, y, lambda = lams, intercept = icpt, standardize = FALSE, thresh = t, maxit = 100000000)
    ts <- c(ts, as.numeric(difftime(Sys.time(), t0, units = "secs")))
  }
  nl <- length(m$lambda)
  objs <- sapply(1:nl, function(k) obj(if (icpt) m$a0[k] else 0, as.numeric(m$beta[, k]), m$lambda[k]))
  cat("R", t, median(ts), paste(sprintf("%.17g", objs), collapse = ","), sum(m$beta[, nl] != 0), "\n")
}
