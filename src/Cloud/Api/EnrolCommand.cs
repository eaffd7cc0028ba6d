using QRCoder;

namespace AfterSales.Cloud.Api;

/// <summary>The command an installer runs on the board, and its QR code (scanned with a phone, pasted into the board's terminal).</summary>
internal static class EnrolCommand
{
    public static string For(HttpContext http, string token) => For($"{http.Request.Scheme}://{http.Request.Host}", token);

    public static string For(string cloud, string token) => $"AfterSales.Gateway enroll --cloud {cloud} --token {token}";

    /// <summary>A PNG data URL, ready for an img tag.</summary>
    public static string QrDataUrl(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
