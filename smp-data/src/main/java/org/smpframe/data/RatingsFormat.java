package org.smpframe.data;

import java.util.Locale;

/**
 * The text layouts {@link RatingsReader} understands for (user, item, rating) triples.
 *
 * <p>In the three line formats, blank lines and lines whose first non-blank character is
 * {@code #} are skipped, spaces and tabs around a field are ignored, and an optional fourth field
 * is a timestamp: an integer that is checked and then dropped, since no model here uses it.
 */
public enum RatingsFormat {

    /** {@code user::item::rating[::timestamp]}, as in MovieLens 1M/10M {@code ratings.dat}. */
    MOVIELENS("movielens"),

    /**
     * {@code user item rating [timestamp]} separated by any run of spaces or tabs, as in MovieLens
     * 100K {@code u.data}.
     */
    TSV("tsv"),

    /**
     * {@code user,item,rating[,timestamp]}, as in MovieLens {@code ratings.csv}. No quoting: a field
     * is the text between commas. The first non-comment line is taken as a header when its rating
     * field is a word that is not a number (nor NaN or Infinity, which are bad ratings) and a fourth
     * field, if any, is not an integer; any later such line is an error.
     */
    CSV("csv"),

    /**
     * A MatrixMarket coordinate file: a {@code %%MatrixMarket matrix coordinate real general} (or
     * {@code integer}) header, {@code %} comment and blank lines, a size line {@code rows cols entries},
     * then that many {@code row col value} lines with 1-based indices within the declared size. The ids
     * are the indices as decimal strings ({@code "7"}). Pattern, complex, array (dense) and
     * symmetric/skew-symmetric/hermitian files are rejected: none of them is a list of ratings.
     */
    MATRIX_MARKET("mm");

    private static final String MM_BANNER = "%%MatrixMarket";

    private final String cliName;

    RatingsFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The lower-case name a command line uses: {@code movielens}, {@code tsv}, {@code csv} or {@code mm}. */
    public String cliName() {
        return cliName;
    }

    /**
     * Guesses the format from the first line that is neither blank nor a {@code #} comment:
     * {@code %%MatrixMarket} at its start means {@link #MATRIX_MARKET}, a {@code ::} anywhere
     * {@link #MOVIELENS}, a {@code ,} anywhere {@link #CSV}, and anything else {@link #TSV}.
     * The order matters: a MatrixMarket header or a MovieLens line may contain commas in its ids.
     */
    public static RatingsFormat detect(String firstNonBlankLine) {
        if (firstNonBlankLine == null) {
            throw new IllegalArgumentException("no line to detect the format from");
        }
        if (firstNonBlankLine.regionMatches(true, 0, MM_BANNER, 0, MM_BANNER.length())) {
            return MATRIX_MARKET;
        }
        if (firstNonBlankLine.contains("::")) {
            return MOVIELENS;
        }
        if (firstNonBlankLine.indexOf(',') >= 0) {
            return CSV;
        }
        return TSV;
    }

    /**
     * The format with the given {@link #cliName()}, ignoring case, for a command-line option.
     *
     * @throws IllegalArgumentException naming the valid choices
     */
    public static RatingsFormat parse(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            for (RatingsFormat f : values()) {
                if (f.cliName.equals(n)) {
                    return f;
                }
            }
        }
        StringBuilder choices = new StringBuilder();
        for (RatingsFormat f : values()) {
            choices.append(choices.length() == 0 ? "" : ", ").append(f.cliName);
        }
        throw new IllegalArgumentException("unknown ratings format '" + name + "'; expected one of: " + choices);
    }
}
