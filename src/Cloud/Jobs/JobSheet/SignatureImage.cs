namespace AfterSales.Cloud.Jobs.JobSheet;

/// <summary>Reads the signature the browser's canvas sends: a <c>data:image/png;base64,…</c> URL or bare base64.</summary>
public static class SignatureImage
{
    public static byte[] Decode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("No signature was drawn.");
        }

        const string prefix = "data:image/png;base64,";
        var base64 = text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new FormatException("The signature is not a PNG image in base64.");
        }
    }
}
