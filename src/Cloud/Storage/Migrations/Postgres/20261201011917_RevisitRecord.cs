using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Cloud.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RevisitRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AcknowledgedAt",
                table: "Revisits",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ChargesOk",
                table: "Revisits",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ConductOk",
                table: "Revisits",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "Revisits",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RepairHeld",
                table: "Revisits",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Signature",
                table: "Revisits",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerName",
                table: "Revisits",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Suggestions",
                table: "Revisits",
                type: "character varying(2000)",
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
