package plenary.text;

/** Lower-case Roman numerals, as preambles number their paragraphs. */
final class Roman {

    private static final int[] VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    private static final String[] SYMBOLS = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};

    static String of(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < VALUES.length; i++) {
            while (n >= VALUES[i]) {
                sb.append(SYMBOLS[i]);
                n -= VALUES[i];
            }
        }
        return sb.toString();
    }

    static int toInt(String roman) {
        int total = 0;
        for (int i = 0; i < roman.length(); i++) {
            int v = value(roman.charAt(i));
            int next = i + 1 < roman.length() ? value(roman.charAt(i + 1)) : 0;
            total += v < next ? -v : v;
        }
        return total;
    }

    private static int value(char c) {
        return switch (c) {
            case 'i' -> 1; case 'v' -> 5; case 'x' -> 10; case 'l' -> 50;
            case 'c' -> 100; case 'd' -> 500; case 'm' -> 1000;
            default -> throw new IllegalArgumentException("not a Roman numeral: " + c);
        };
    }

    private Roman() {
    }
}
