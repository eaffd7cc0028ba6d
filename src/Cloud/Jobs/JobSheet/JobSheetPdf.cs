using AfterSales.Cloud.Calendar;
using System.Globalization;
using AfterSales.Cloud.Documents;
using Microsoft.Extensions.Localization;
using SkiaSharp;

namespace AfterSales.Cloud.Jobs.JobSheet;

/// <summary>
/// Draws the job sheet on one A4 page with the embedded fonts, its labels in the current culture
/// (the reader's: Chinese by default, docs/localization.md).
/// </summary>
public static class JobSheetPdf
{
    private const float Width = 595;
    private const float Height = 842;
    private const float Margin = 48;

    public static byte[] Render(JobSheetData data, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(T);

        // The labels count too: a Chinese sheet needs the CJK face even for a site with a Latin name.
        using var fonts = PdfFonts.Use([T["Job sheet"], data.SiteName, data.Customer, data.Address, data.TechnicianName, data.Signature?.SignerName, data.Ticket.Resolution, .. data.Parts.Select(p => p.Part + p.Reason), .. data.Notes.Select(n => n.Detail)]);
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = T["Job sheet {0}", data.Ticket.Id], Creator = "AfterSales" }))
        {
            var canvas = document.BeginPage(Width, Height);
            using var writer = new Writer(canvas, T);
            writer.Draw(data);
            document.EndPage();
            document.Close();
        }

        return output.ToArray();
    }

    private sealed class Writer(SKCanvas canvas, IStringLocalizer T) : IDisposable
    {
        private readonly SKFont _title = new(PdfFonts.Bold, 18);
        private readonly SKFont _heading = new(PdfFonts.Bold, 11);
        private readonly SKFont _body = new(PdfFonts.Regular, 10);
        private readonly SKFont _small = new(PdfFonts.Italic, 8);
        private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
        private readonly SKPaint _muted = new() { Color = new SKColor(0x66, 0x70, 0x85), IsAntialias = true };
        private readonly SKPaint _rule = new() { Color = new SKColor(0xC5, 0xCC, 0xD6), StrokeWidth = 0.8f };
        private float _y = Margin;

        public void Draw(JobSheetData d)
        {
            var t = d.Ticket;
            canvas.DrawText(T["Job sheet"], Margin, _y + 14, _title, _ink);
            canvas.DrawText(T["Ticket {0} · visit {1}", t.Id, t.Visit], Width - Margin, _y + 14, SKTextAlign.Right, _body, _muted);
            _y += 34;
            Rule();

            Section(T["Customer and site"]);
            Row(T["Customer"], d.Customer ?? "—");
            Row(T["Site"], d.SiteName);
            Row(T["Address"], d.Address ?? "—");
            Row(T["Contact"], d.Phone ?? "—");

            Section(T["Fault"]);
            Row(T["Device"], $"{t.DeviceId} ({T[t.DeviceKind.ToString().ToLowerInvariant()]})");
            Row(T["Model / serial"], $"{d.DeviceModel ?? "—"} / {d.DeviceSerial ?? "—"}");
            Row(T["Fault"], $"{t.Fault} · {T[t.Severity.ToString().ToLowerInvariant()]}{(t.Intermittent ? " · " + T["intermittent"] : string.Empty)}{(t.RepeatCount > 0 ? " · " + T["repeat {0}", t.RepeatCount] : string.Empty)}");
            Row(T["Reported"], Time(t.OpenedAt));
            Row(T["Arrive by"], Time(t.ArrivalDueAt));

            Section(T["Service"]);
            Row(T["Technician"], d.TechnicianName ?? "—");
            Row(T["Accepted at"], Time(t.AcceptedAt));
            Row(T["Told the customer"], Time(t.PromisedArrivalAt));
            Row(T["On site at"], Time(t.ArrivedAt));
            Row(T["Resolved at"], Time(t.ResolvedAt));
            if (t.ArrivedAt is { } arrived && t.ResolvedAt is { } resolved)
            {
                Row(T["Time on site"], T["{0} min", Inv($"{(resolved - arrived).TotalMinutes:0}")]);
            }

            Paragraph(T["Work done"], t.Resolution ?? "—");
            foreach (var note in d.Notes)
            {
                Paragraph(T["Note {0}", Inv($"{DisplayZone.Local(note.At):HH:mm}")], note.Detail ?? string.Empty);
            }

            Section(T["Parts replaced"]);
            if (d.Parts.Count == 0)
            {
                Row(string.Empty, T["none"]);
            }

            foreach (var part in d.Parts)
            {
                Row(Inv($"{part.Quantity} ×"), part.Part + (string.IsNullOrEmpty(part.Reason) ? string.Empty : " — " + part.Reason));
            }

            Section(T["Customer's signature"]);
            if (d.Signature is { } signature)
            {
                using var image = SKImage.FromEncodedData(signature.Png);
                if (image is not null)
                {
                    var scale = Math.Min(220f / image.Width, 80f / image.Height);
                    canvas.DrawImage(image, SKRect.Create(Margin + 110, _y, image.Width * scale, image.Height * scale));
                    _y += (image.Height * scale) + 6;
                }

                Row(T["Signed by"], $"{signature.SignerName}, {Time(signature.SignedAt)}");
            }
            else
            {
                Row(string.Empty, T["not signed yet — the customer signs after the work"]);
            }

            canvas.DrawText(T["Printed {0} by AfterSales.", Time(d.PrintedAt)], Margin, Height - 30, _small, _muted);
        }

        private void Section(string title)
        {
            _y += 10;
            canvas.DrawText(title, Margin, _y + 10, _heading, _ink);
            _y += 18;
        }

        private void Row(string label, string value)
        {
            canvas.DrawText(label, Margin, _y + 10, _body, _muted);
            canvas.DrawText(value, Margin + 110, _y + 10, _body, _ink);
            _y += 15;
        }

        private void Paragraph(string label, string text)
        {
            canvas.DrawText(label, Margin, _y + 10, _body, _muted);
            foreach (var line in Wrap(text, Width - (2 * Margin) - 110))
            {
                canvas.DrawText(line, Margin + 110, _y + 10, _body, _ink);
                _y += 14;
            }

            _y += 2;
        }

        private List<string> Wrap(string text, float width) => LineBreakRules.Wrap(text, t => _body.MeasureText(t), width);

        public void Dispose()
        {
            foreach (var font in new[] { _title, _heading, _body, _small })
            {
                font.Dispose();
            }

            foreach (var paint in new[] { _ink, _muted, _rule })
            {
                paint.Dispose();
            }
        }

        private void Rule() => canvas.DrawLine(Margin, _y, Width - Margin, _y, _rule);

        private static string Time(DateTimeOffset? at) => DisplayZone.Local(at)?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";

        private static string Inv(FormattableString text) => FormattableString.Invariant(text);
    }
}
