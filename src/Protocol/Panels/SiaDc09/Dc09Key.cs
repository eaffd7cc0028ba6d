namespace AfterSales.Protocol.Panels.SiaDc09;

/// <summary>
/// An AES key for encrypted DC-09 frames. Installers type it either as hex (32, 48 or 64 characters)
/// or as text (16, 24 or 32 characters); a 32-character all-hex string is read as hex (AES-128),
/// which is how receivers configured with hex keys expect it.
/// </summary>
public sealed class Dc09Key
{
    private readonly byte[] _bytes;

    private Dc09Key(byte[] bytes) => _bytes = bytes;

    public int SizeBits => _bytes.Length * 8;

    internal ReadOnlySpan<byte> Bytes => _bytes;

    public static Dc09Key FromBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException("An AES key is 16, 24 or 32 bytes.", nameof(key));
        }

        return new Dc09Key(key.ToArray());
    }

    public static bool TryParse(string? text, out Dc09Key? key)
    {
        key = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.Length is 32 or 48 or 64 && text.All(Uri.IsHexDigit))
        {
            key = new Dc09Key(Convert.FromHexString(text));
            return true;
        }

        if (text.Length is 16 or 24 or 32 && text.All(c => c is >= ' ' and <= '~'))
        {
            key = new Dc09Key(System.Text.Encoding.ASCII.GetBytes(text));
            return true;
        }

        return false;
    }
}
