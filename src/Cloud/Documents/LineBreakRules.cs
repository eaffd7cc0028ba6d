using System.Text;

namespace AfterSales.Cloud.Documents;

/// <summary>
/// Pure: where a line of a PDF may break. Latin text breaks at spaces; Chinese (and Japanese,
/// Korean) text has no spaces and may break between any two characters, except that closing
/// punctuation (，。、）》 …) never starts a line and opening punctuation (（《“ …) never ends one
/// (the basic rule of GB/T 15834 and JIS X 4051 line composition). A piece longer than the line
/// is cut by characters.
/// </summary>
public static class LineBreakRules
{
    private const string NoLineStart = "，。、；：！？）》」』】〉”’…—·%,.;:!?)]}";
    private const string NoLineEnd = "（《「『【〈“‘([{";

    public static List<string> Wrap(string text, Func<string, float> measure, float width)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var (piece, spaced) in Pieces(paragraph))
            {
                var candidate = line.Length == 0 ? piece : line + (spaced ? " " : string.Empty) + piece;
                if (measure(candidate) <= width)
                {
                    line.Clear().Append(candidate);
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                }

                var rest = piece;
                while (measure(rest) > width && rest.Length > 1)
                {
                    var cut = rest.Length - 1;
                    while (cut > 1 && measure(rest[..cut]) > width)
                    {
                        cut--;
                    }

                    lines.Add(rest[..cut]);
                    rest = rest[cut..];
                }

                line.Clear().Append(rest);
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>The unbreakable pieces of a paragraph, each with whether a space stood before it.</summary>
    public static IEnumerable<(string Piece, bool Spaced)> Pieces(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var pieces = new List<(StringBuilder Text, bool Spaced)>();
        var spaced = false;
        var glueNext = false;
        foreach (var c in paragraph)
        {
            if (c == ' ')
            {
                spaced = pieces.Count > 0;
                glueNext = false;
                continue;
            }

            var ideograph = IsCjk(c);
            var last = pieces.Count > 0 ? pieces[^1] : default;
            var joinsLast = last.Text is not null && !spaced && (
                glueNext
                || NoLineStart.Contains(c, StringComparison.Ordinal)
                || (!ideograph && !NoLineEnd.Contains(c, StringComparison.Ordinal) && !IsCjk(last.Text[^1])));
            if (joinsLast)
            {
                last.Text!.Append(c);
            }
            else
            {
                pieces.Add((new StringBuilder().Append(c), spaced));
            }

            glueNext = NoLineEnd.Contains(c, StringComparison.Ordinal);
            spaced = false;
        }

        return pieces.Select(p => (p.Text.ToString(), p.Spaced));
    }

    private static bool IsCjk(char c) =>
        c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF');
}
