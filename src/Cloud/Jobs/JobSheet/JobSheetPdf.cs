using AfterSales.Cloud.Calendar;
using System.Globalization;
using AfterSales.Cloud.Documents;
using SkiaSharp;

namespace AfterSales.Cloud.Jobs.JobSheet;

/// <summary>Draws the job sheet on one A4 page with the embedded fonts.</summary>
public static class JobSheetPdf
{
    private const float Width = 595;
    private const float Height = 842;
    private const float Margin = 48;

    public static byte[] Render(JobSheetData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var fonts = PdfFonts.Use([data.SiteName, data.Customer, data.Address, data.TechnicianName, data.Signature?.SignerName, data.Ticket.Resolution, .. data.Parts.Select(p => p.Part + p.Reason), .. data.Notes.Select(n => n.Detail)]);
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = $"Job sheet {data.Ticket.Id}", Creator = "AfterSales" }))
        {
            var canvas = document.BeginPage(Width, Height);
            using var writer = new Writer(canvas);
            writer.Draw(data);
            document.EndPage();
            document.Close();
        }

        return output.ToArray();
    }

    private sealed class Writer(SKCanvas canvas) : IDisposable
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
            canvas.DrawText("Job sheet", Margin, _y + 14, _title, _ink);
            canvas.DrawText(Inv($"Ticket {t.Id} · visit {t.Visit}"), Width - Margin, _y + 14, SKTextAlign.Right, _body, _muted);
            _y += 34;
            Rule();

            Section("Customer and site");
            Row("Customer", d.Customer ?? "—");
            Row("Site", d.SiteName);
            Row("Address", d.Address ?? "—");
            Row("Contact", d.Phone ?? "—");

            Section("Fault");
            Row("Device", $"{t.DeviceId} ({t.DeviceKind.ToString().ToLowerInvariant()})");
            Row("Model / serial", $"{d.DeviceModel ?? "—"} / {d.DeviceSerial ?? "—"}");
            Row("Fault", $"{t.Fault} · {t.Severity.ToString().ToLowerInvariant()}{(t.Intermittent ? " · intermittent" : string.Empty)}{(t.RepeatCount > 0 ? Inv($" · repeat {t.RepeatCount}") : string.Empty)}");
            Row("Reported", Time(t.OpenedAt));
            Row("Arrive by", Time(t.ArrivalDueAt));

            Section("Service");
            Row("Technician", d.TechnicianName ?? "—");
            Row("Accepted", Time(t.AcceptedAt));
            Row("Told the customer", Time(t.PromisedArrivalAt));
            Row("On site", Time(t.ArrivedAt));
            Row("Resolved", Time(t.ResolvedAt));
            if (t.ArrivedAt is { } arrived && t.ResolvedAt is { } resolved)
            {
                Row("Time on site", Inv($"{(resolved - arrived).TotalMinutes:0} min"));
            }

            Paragraph("Work done", t.Resolution ?? "—");
            foreach (var note in d.Notes)
            {
                Paragraph(Inv($"Note {note.At:HH:mm}"), note.Detail ?? string.Empty);
            }

            Section("Parts replaced");
            if (d.Parts.Count == 0)
            {
                Row(string.Empty, "none");
            }

            foreach (var part in d.Parts)
            {
                Row(Inv($"{part.Quantity} ×"), part.Part + (string.IsNullOrEmpty(part.Reason) ? string.Empty : " — " + part.Reason));
            }

            Section("Customer's signature");
            if (d.Signature is { } signature)
            {
                using var image = SKImage.FromEncodedData(signature.Png);
                if (image is not null)
                {
                    var scale = Math.Min(220f / image.Width, 80f / image.Height);
                    canvas.DrawImage(image, SKRect.Create(Margin + 110, _y, image.Width * scale, image.Height * scale));
                    _y += (image.Height * scale) + 6;
                }

                Row("Signed by", $"{signature.SignerName}, {Time(signature.SignedAt)}");
            }
            else
            {
                Row(string.Empty, "not signed yet — the customer signs after the work");
            }

            canvas.DrawText($"Printed {Time(d.PrintedAt)} by AfterSales.", Margin, Height - 30, _small, _muted);
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
