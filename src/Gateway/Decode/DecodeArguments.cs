using System.Diagnostics.CodeAnalysis;
using System.Text;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.SiaDc09;

namespace AfterSales.Gateway.Decode;

/// <summary><c>decode --protocol P [--key K] FRAME</c>, with the frame already turned into bytes.</summary>
internal sealed record DecodeArguments(string Protocol, string? Key, byte[] Frame)
{
    public const string Usage =
        "usage: AfterSales.Gateway decode --protocol <contact-id|sia-dc09|dsc-it100|ad2|paradox-prt3|pelco-d> [--key K] FRAME\n" +
        "  FRAME understands \\n, \\r and \\\\; Pelco-D frames are given as hex (\"FF 01 00 00 00 00 01\").";

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out DecodeArguments? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        string? protocol = null, key = null, frame = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--protocol" or "--key" when i + 1 >= args.Count:
                    error = $"{args[i]} needs a value";
                    return false;
                case "--protocol":
                    protocol = args[++i];
                    break;
                case "--key":
                    key = args[++i];
                    break;
                case var a when a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2:
                    error = $"unknown option '{a}'";
                    return false;
                case var a when frame is null:
                    frame = a;
                    break;
                default:
                    error = "give exactly one FRAME (quote it if it contains spaces)";
                    return false;
            }
        }

        if (protocol is null)
        {
            error = "--protocol is missing";
            return false;
        }

        if (!PanelFrameDecoder.Protocols.Contains(protocol, StringComparer.Ordinal))
        {
            error = $"unknown protocol '{protocol}'; expected one of {string.Join(", ", PanelFrameDecoder.Protocols)}";
            return false;
        }

        if (key is not null && (protocol != PanelFrameDecoder.SiaDc09 || !Dc09Key.TryParse(key, out _)))
        {
            error = protocol == PanelFrameDecoder.SiaDc09
                ? "--key must be 32/48/64 hex characters or 16/24/32 characters of text"
                : "--key only applies to sia-dc09";
            return false;
        }

        if (frame is null)
        {
            error = "FRAME is missing";
            return false;
        }

        if (!TryFrameBytes(protocol, frame, out var bytes, out error))
        {
            return false;
        }

        result = new DecodeArguments(protocol, key, bytes);
        return true;
    }

    /// <summary>Binary Pelco-D comes as hex (spaces allowed); the ASCII protocols as text with \n, \r escapes.</summary>
    private static bool TryFrameBytes(string protocol, string frame, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? error)
    {
        bytes = null;
        error = null;
        if (protocol == PanelFrameDecoder.PelcoD)
        {
            var hex = frame.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("0x", string.Empty, StringComparison.OrdinalIgnoreCase);
            if (hex.Length % 2 != 0 || !hex.All(Uri.IsHexDigit))
            {
                error = "a Pelco-D FRAME is given as hex bytes, e.g. \"FF 01 00 51 00 00 52\"";
                return false;
            }

            bytes = Convert.FromHexString(hex);
            return true;
        }

        var text = new StringBuilder(frame.Length);
        for (var i = 0; i < frame.Length; i++)
        {
            if (frame[i] != '\\' || i + 1 == frame.Length)
            {
                text.Append(frame[i]);
                continue;
            }

            // Only the escapes a terminal cannot type are read; any other backslash stays as it is.
            var escaped = frame[i + 1] switch
            {
                'n' => '\n',
                'r' => '\r',
                '\\' => '\\',
                _ => (char?)null,
            };
            if (escaped is { } c)
            {
                text.Append(c);
                i++;
            }
            else
            {
                text.Append('\\');
            }
        }

        bytes = Encoding.Latin1.GetBytes(text.ToString());
        return true;
    }
}
