package org.sintraee.runtime.bench;

import java.util.List;
import java.util.Locale;

/**
 * A small, dependency-free SVG chart: throughput (x) against median and p99 latency (y),
 * one polyline per series, as a load sweep produces them (each point one offered load).
 */
final class SvgPlot {
    /** One point of a sweep. */
    record Point(double rps, double p50Ms, double p99Ms) {
    }

    /** One labelled series. */
    record Series(String label, String colour, List<Point> points) {
    }

    private static final int W = 760;
    private static final int H = 460;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private SvgPlot() {
    }

    static String render(String title, List<Series> series) {
        double maxX = 1;
        double maxY = 1;
        for (Series s : series) {
            for (Point p : s.points()) {
                maxX = Math.max(maxX, p.rps());
                maxY = Math.max(maxY, Math.max(p.p50Ms(), p.p99Ms()));
            }
        }
        maxX = niceCeiling(maxX);
        maxY = niceCeiling(maxY);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", W, H));
        b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", LEFT, escape(title)));
        axes(b, maxX, maxY);
        int legend = 0;
        for (Series s : series) {
            line(b, s, maxX, maxY, true);
            line(b, s, maxX, maxY, false);
            int y = TOP + 14 + 16 * legend++;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s (solid p50, dashed p99)</text>%n",
                    LEFT + 10, y - 4, LEFT + 40, y - 4, s.colour(), LEFT + 46, y, escape(s.label())));
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static void axes(StringBuilder b, double maxX, double maxY) {
        int x0 = LEFT;
        int y0 = H - BOTTOM;
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", x0, y0, W - RIGHT, y0));
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", x0, y0, x0, TOP));
        for (int i = 0; i <= 5; i++) {
            double fx = maxX * i / 5;
            double fy = maxY * i / 5;
            int px = x(fx, maxX);
            int py = y(fy, maxY);
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%,.0f</text>%n", px, y0 + 18, fx));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f</text>%n", x0 - 6, py + 4, fy));
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>%n", x0, py, W - RIGHT, py));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">delivered requests/s (all replicas)</text>%n",
                (LEFT + W - RIGHT) / 2, H - 20));
        b.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">"
                + "latency, submit to delivery (ms)</text>%n", (TOP + y0) / 2, (TOP + y0) / 2));
    }

    private static void line(StringBuilder b, Series s, double maxX, double maxY, boolean median) {
        StringBuilder pts = new StringBuilder();
        for (Point p : s.points()) {
            double v = median ? p.p50Ms() : p.p99Ms();
            if (!Double.isNaN(v)) {
                pts.append(x(p.rps(), maxX)).append(',').append(y(v, maxY)).append(' ');
            }
        }
        b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
                s.colour(), median ? "" : " stroke-dasharray=\"5,4\"", pts.toString().trim()));
    }

    private static int x(double v, double max) {
        return LEFT + (int) Math.round(v / max * (W - LEFT - RIGHT));
    }

    private static int y(double v, double max) {
        return H - BOTTOM - (int) Math.round(Math.min(v, max) / max * (H - TOP - BOTTOM));
    }

    private static double niceCeiling(double v) {
        double step = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * step >= v) {
                return m * step;
            }
        }
        return 10 * step;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
