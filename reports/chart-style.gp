# cxbench chart style, loaded before every chart (after each `reset`).
# The charts set their own colours (bench/report/palette.h: the company
# navy, the frontier black and dashed, each brand its profile's colour);
# these linetypes are for anything drawn without one, each >= 3:1 on white.
set border 3 lc rgb '#666666'
set tics nomirror textcolor rgb '#333333'
set grid lc rgb '#e3e3e3' lw 1 dt 1
set key noenhanced textcolor rgb '#333333' noautotitle
set style fill solid 0.85 noborder
set linetype 1 lc rgb '#1b2f4e' lw 3 pt 7 ps 0.9
set linetype 2 lc rgb '#111111' lw 2 dt 2 pt 5 ps 0.7
set linetype 3 lc rgb '#3b6ea5' lw 1.5 pt 9 ps 0.7
set linetype 4 lc rgb '#b4561f' lw 1.5 pt 11 ps 0.7
set linetype 5 lc rgb '#3d8139' lw 1.5 pt 13 ps 0.7
set linetype 6 lc rgb '#b8383d' lw 1.5 pt 5 ps 0.7
set linetype 7 lc rgb '#7b5aa6' lw 1.5 pt 7 ps 0.7
set linetype 8 lc rgb '#2a7f7a' lw 1.5 pt 9 ps 0.7
set linetype cycle 8
