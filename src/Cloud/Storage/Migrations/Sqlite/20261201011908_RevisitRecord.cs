using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RevisitRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AcknowledgedAt",
                table: "Revisits",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ChargesOk",
                table: "Revisits",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ConductOk",
                table: "Revisits",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "Revisits",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RepairHeld",
                table: "Revisits",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Signature",
                table: "Revisits",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerName",
                table: "Revisits",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Suggestions",
                table: "Revisits",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "Revisits");

            migrationBuilder.DropColumn(
                name: "ChargesOk",
                table: "Revisits");

            migrationBuilder.DropColumn(
                name: "ConductOk",
                table: "Revisits");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "Revisits");

            migrationBuilder.DropColumn(
                name: "RepairHeld",
                table: "Revisits");

            migrationBuilder.DropColumn(
                name: "Signature",
                table: "Revisits");

            migrationBuilder.DropColumn(
                name: "SignerName",
                table: "Revisits");

            migrationBuilder.DropColumn(
                name: "Suggestions",
                table: "Revisits");
        }
    }
}
