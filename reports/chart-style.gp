# cxbench chart style, loaded before every chart (after each `reset`).
# Colours: the company is dark navy (linetype 1), the frontier black and
# dashed (2), brands a categorical palette; behind is red, ahead green.
set border 3 lc rgb '#666666'
set tics nomirror textcolor rgb '#333333'
set grid lc rgb '#e3e3e3' lw 1 dt 1
set key noenhanced textcolor rgb '#333333' noautotitle
set style fill solid 0.85 noborder
set linetype 1 lc rgb '#1b2f4e' lw 3 pt 7 ps 0.9
set linetype 2 lc rgb '#111111' lw 2 dt 2 pt 5 ps 0.7
set linetype 3 lc rgb '#4e79a7' lw 1.5 pt 9 ps 0.7
set linetype 4 lc rgb '#f28e2b' lw 1.5 pt 11 ps 0.7
set linetype 5 lc rgb '#59a14f' lw 1.5 pt 13 ps 0.7
set linetype 6 lc rgb '#e15759' lw 1.5 pt 5 ps 0.7
set linetype 7 lc rgb '#b07aa1' lw 1.5 pt 7 ps 0.7
set linetype 8 lc rgb '#76b7b2' lw 1.5 pt 9 ps 0.7
set linetype 9 lc rgb '#edc948' lw 1.5 pt 11 ps 0.7
set linetype 10 lc rgb '#9c755f' lw 1.5 pt 13 ps 0.7
set linetype 11 lc rgb '#ff9da7' lw 1.5 pt 5 ps 0.7
set linetype 12 lc rgb '#bab0ac' lw 1.5 pt 7 ps 0.7
set linetype cycle 12
color_company = 0x1b2f4e
color_reference = 0x8fa9c8
color_behind = 0xc0392b
color_ahead = 0x2e8b57
color_wait = 0x4e79a7
color_hold = 0xf28e2b
color_transfers = 0xe15759
color_repeat = 0x76b7b2
