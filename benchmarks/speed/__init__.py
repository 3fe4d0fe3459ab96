"""The speed benchmark of `python -m benchmarks.run`, one module per job.

`timing` times work the same way everywhere; `floors` measures each converter next to the
library it stands on (issue 15's ratios); `growth` the cost per copy of a report scaled 1x, 10x
and 100x; `batch` the command line with `--jobs 1` and `--jobs 2`; `startup` one small
`convert` as a whole process; `table` prints them.
"""
