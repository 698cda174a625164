package uk.london.victims.web.pages;

import java.util.List;

/** What the review templates show, worked out in Java so the templates only lay it out. */
public final class ReviewViews {

    private ReviewViews() {
    }

    /** One figure; {@code withheld} when the published export shows it as [c]; {@code href} its drill-down. */
    public record Cell(String text, boolean withheld, String href) {
    }

    public record FigureRow(String label, Cell opened, Cell onTime, Cell late, Cell overdue, Cell open, Cell waived,
                            List<String> waivedBy, Cell rate, Cell median, Cell p95) {
    }

    /**
     * A horizontal bar chart of on-time rates, laid out for SVG: {@code width} is the drawing's width in
     * user units, each bar's geometry already in them.
     */
    public record BarChart(String id, String title, String description, int width, int height, int barStart, int barLength,
                           List<Bar> bars) {
    }

    /**
     * @param value what is written after the bar (also the table's rate), so no figure depends on colour
     * @param due   obligations that were due: met, or overdue
     */
    public record Bar(String label, int y, int barWidth, String value, long due, boolean withheld, String href) {
        public int textY() {
            return y + 17;
        }
    }

    /** One obligation behind a figure. */
    public record ObligationRow(String caseId, String caseHref, String rule, String right, String obligation, String owner,
                                String victim, String rights, String clockStart, String deadline, String status, String metAt,
                                String borough, String bcu) {
    }

    /**
     * Agencies down, rights across: {@code rows} one per agency, each with a cell per column and its all-rights
     * cell; {@code total} the all-agencies row.
     */
    public record CrossTab(List<Column> columns, List<CrossRow> rows, CrossRow total) {
    }

    public record Column(String code, String label) {
    }

    public record CrossRow(String label, List<CrossCell> cells, CrossCell all) {
    }

    /**
     * One agency's record on one right: the on-time rate (or "–" when nothing was due), the counts behind it, and
     * the link to those obligations; {@code withheld} when the published export would withhold the rate.
     */
    public record CrossCell(String rate, String counts, boolean withheld, boolean small, String href, String description) {
        public boolean empty() {
            return href == null;
        }
    }

    /** One step of a case's history. */
    public record HistoryRow(String when, String recorded, String agency, String what, List<String> details) {
    }

    public record StageRow(String stage, String ratings, String share) {
    }
}
