/// The gradebook page's inline style and script: a few lines each, so the page is one file that
/// works offline from `file://`.
enum GradebookAssets {
    /// Sorts the learners by a column (click its title; again to reverse) and shows a cell's
    /// failing check below the table (click or Enter on the cell). Messages are moved as DOM nodes,
    /// never as HTML strings, so escaped server output stays text. A link can open the page sorted
    /// (`gradebook.html#sort=3`, a column's `data-col`) or showing one cell (`#show=LEARNER:EXERCISE`).
    static let script = """
        (function () {
          var table = document.getElementById("grades");
          var body = table.tBodies[0];
          var detail = document.getElementById("detail-body");
          function key(row, column, text) {
            var cell = row.querySelector('[data-col="' + column + '"]');
            var value = cell ? cell.getAttribute("data-value") : null;
            if (text) { return (value || "").toLowerCase(); }
            return value === null ? -1 : parseFloat(value);
          }
          table.querySelectorAll("th.sortable").forEach(function (header) {
            header.addEventListener("click", function () {
              var column = header.getAttribute("data-col");
              var text = header.getAttribute("data-type") === "text";
              var descending = header.getAttribute("aria-sort") !== (text ? "ascending" : "descending");
              var down = text ? !descending : descending;
              table.querySelectorAll("th[aria-sort]").forEach(function (other) { other.removeAttribute("aria-sort"); });
              header.setAttribute("aria-sort", down ? "descending" : "ascending");
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = key(a, column, text), y = key(b, column, text);
                var order = x < y ? -1 : x > y ? 1 : 0;
                return down ? -order : order;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
          function show(cell) {
            var why = cell.querySelector(".why");
            if (!why) { return; }
            table.querySelectorAll("td.selected").forEach(function (other) { other.classList.remove("selected"); });
            cell.classList.add("selected");
            var copy = why.cloneNode(true);
            copy.hidden = false;
            detail.replaceChildren(copy);
          }
          table.querySelectorAll("td.cell[tabindex]").forEach(function (cell) {
            cell.addEventListener("click", function () { show(cell); });
            cell.addEventListener("keydown", function (event) { if (event.key === "Enter") { show(cell); } });
          });
          var hash = decodeURIComponent(window.location.hash.slice(1));
          var sort = /^sort=(\\d+)$/.exec(hash);
          var picked = /^show=(.+):([^:]+)$/.exec(hash);
          if (sort) {
            table.querySelectorAll("th.sortable").forEach(function (header) {
              if (header.getAttribute("data-col") === sort[1]) { header.click(); }
            });
          }
          if (picked) {
            Array.prototype.forEach.call(body.rows, function (row) {
              if (row.getAttribute("data-learner") !== picked[1]) { return; }
              row.querySelectorAll("td.cell").forEach(function (cell) {
                if (cell.getAttribute("data-exercise") === picked[2]) { show(cell); }
              });
            });
          }
        })();
        """

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
        main{padding:20px 24px}h1 small,h3 small{color:#6b7280;font-weight:normal;font-size:.7em}
        section{background:#fff;border-radius:8px;padding:14px 18px;margin:14px 0;box-shadow:0 1px 2px #0002}
        .grades{overflow-x:auto}.muted{color:#6b7280}
        table{border-collapse:collapse;font-size:13px}th,td{padding:4px 6px;border:1px solid #eceef2;text-align:center}
        thead th{background:#f3f4f6;font-weight:600;white-space:nowrap}th.module{background:#e5e7eb}
        th.sortable{cursor:pointer}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
        tbody th{text-align:left;white-space:nowrap}
        td.cell{cursor:default;min-width:52px}td.cell[tabindex]{cursor:pointer}
        td.cell .score{display:block;font-weight:600}td.cell .meta{display:block;color:#6b7280;font-size:11px;white-space:nowrap}
        td.pass{background:#dcfce7}td.fail{background:#fef3c7}td.error,td.missing{background:#fee2e2}
        td.selected{outline:2px solid #2563eb}td.subtotal,td.total{font-weight:600;background:#f9fafb}
        td.problem{text-align:left;color:#b91c1c}
        #detail pre{background:#1d2330;color:#f3f4f6;padding:12px;border-radius:6px;white-space:pre-wrap;overflow-x:auto}
        #detail h3{font-size:1em}.stuck h3{font-size:1em;margin:14px 0 6px}.stuck ol{margin:0;padding-left:22px}
        .stuck li{margin:3px 0}.bar{display:inline-block;width:120px;height:10px;background:#eceef2;border-radius:5px;margin-right:8px;vertical-align:middle}
        .bar span{display:block;height:100%;background:#dc2626;border-radius:5px}.count{display:inline-block;min-width:60px;color:#6b7280}
        """
}
