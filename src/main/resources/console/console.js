// bookdrop's console: keeps the overview live from /events (Server-Sent Events) and sends a dropped
// file to /upload. Every value from the server is put into the page as text (textContent), never as HTML.
"use strict";

(function () {
  const number = new Intl.NumberFormat("en");

  function byId(id) {
    return document.getElementById(id);
  }

  function setText(id, value) {
    const element = byId(id);
    if (element) {
      element.textContent = value;
    }
  }

  function element(tag, text, className) {
    const made = document.createElement(tag);
    if (text !== undefined && text !== null) {
      made.textContent = text;
    }
    if (className) {
      made.className = className;
    }
    return made;
  }

  function importLink(file, startedAt) {
    return "/import?file=" + encodeURIComponent(file) + "&started=" + encodeURIComponent(startedAt);
  }

  // The file the page uploaded and now follows until its report.
  let followed = null;

  function showStatus(status) {
    setText("db-kind", status.database.kind);
    const state = byId("db-state");
    if (state) {
      state.textContent = status.database.reachable ? "reachable" : "not reachable";
      state.className = status.database.reachable ? "up" : "down";
    }
    setText("db-detail", status.database.detail);
    setText("in-inbox", number.format(status.inInbox) + (status.inInboxCapped ? "+" : ""));
    setText("in-inbox-unit", status.inInbox === 1 ? "file" : "files");
    setText("files-done", number.format(status.totals.filesDone));
    setText("files-failed", number.format(status.totals.filesFailed));
    setText("records-read", number.format(status.totals.read));
    setText("records-written", number.format(status.totals.written));
    setText("records-rejected", number.format(status.totals.rejected));
    const lastError = byId("last-error");
    if (lastError) {
      lastError.textContent = status.lastError ? status.lastError + " (" + status.lastErrorTime + ")" : "None since start.";
      lastError.className = status.lastError ? "error" : "idle";
    }
    const current = byId("current-files");
    if (current) {
      current.replaceChildren();
      if (status.inProgress.length === 0) {
        current.appendChild(element("p", "No file is being imported.", "idle"));
      }
      for (const file of status.inProgress) {
        const box = element("div", null, "file-progress");
        box.dataset.file = file.file;
        box.appendChild(element("strong", file.file));
        const bar = element("progress");
        bar.max = Math.max(1, file.sizeBytes);
        bar.value = Math.min(file.bytesRead, bar.max);
        box.appendChild(bar);
        const share = file.sizeBytes > 0 ? Math.floor(100 * file.bytesRead / file.sizeBytes) : 0;
        box.appendChild(element("p", number.format(file.read) + " records so far, " + number.format(file.recordsPerSecond)
          + " a second, " + share + "% of the file read; " + number.format(file.rejected) + " rejected", "detail"));
        current.appendChild(box);
        if (followed && file.file === followed) {
          setText("upload-status", "Importing " + followed + ": " + number.format(file.read) + " records so far…");
        }
      }
    }
  }

  function cell(row, text, className) {
    const td = element("td", text, className);
    row.appendChild(td);
    return td;
  }

  function showReport(report) {
    const table = byId("latest");
    if (table) {
      const body = table.tBodies[0];
      const empty = body.querySelector("tr.empty");
      if (empty) {
        empty.remove();
      }
      const row = document.createElement("tr");
      const name = cell(row, null);
      const link = element("a", report.file);
      link.href = importLink(report.file, report.startedAt);
      name.appendChild(link);
      cell(row, report.status, "status " + report.status);
      cell(row, new Date(report.startedAt).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC"));
      cell(row, number.format(report.read), "n");
      cell(row, number.format(report.written), "n");
      const rejected = cell(row, null, "n");
      if (report.hasRejects && report.rejected > 0) {
        const rejectsLink = element("a", number.format(report.rejected));
        rejectsLink.href = "/import/rejects?file=" + encodeURIComponent(report.file) + "&started=" + report.startedAt;
        rejected.appendChild(rejectsLink);
      } else {
        rejected.textContent = number.format(report.rejected);
      }
      cell(row, number.format(report.duplicates), "n");
      cell(row, (report.durationMillis / 1000).toFixed(1), "n");
      body.insertBefore(row, body.firstChild);
    }
    if (followed && report.file === followed) {
      followed = null;
      const box = byId("upload-report");
      box.replaceChildren();
      box.className = report.status === "FAILED" ? "failed" : "";
      box.appendChild(element("h3", report.file + ": " + report.status));
      const counts = element("p", number.format(report.read) + " read, " + number.format(report.written) + " written, "
        + number.format(report.rejected) + " rejected, " + number.format(report.duplicates) + " duplicates, "
        + number.format(report.verified) + " verified, in " + (report.durationMillis / 1000).toFixed(1) + " s");
      counts.id = "upload-counts";
      box.appendChild(counts);
      if (report.error) {
        box.appendChild(element("p", report.error, "error"));
      }
      const links = element("p");
      const open = element("a", "Open its report");
      open.href = importLink(report.file, report.startedAt);
      open.id = "upload-report-link";
      links.appendChild(open);
      if (report.hasRejects && report.rejected > 0) {
        links.appendChild(document.createTextNode(" · "));
        const rejects = element("a", "Read its rejected records");
        rejects.href = "/import/rejects?file=" + encodeURIComponent(report.file) + "&started=" + report.startedAt;
        rejects.id = "upload-rejects-link";
        links.appendChild(rejects);
      }
      links.appendChild(document.createTextNode(" · "));
      const books = element("a", "Search the books");
      books.href = "/books";
      links.appendChild(books);
      box.appendChild(links);
      box.hidden = false;
      setText("upload-status", "Imported.");
    }
  }

  function listen() {
    const live = byId("live");
    if (!live || !window.EventSource) {
      return;
    }
    const events = new EventSource(live.dataset.events);
    events.addEventListener("status", (event) => showStatus(JSON.parse(event.data)));
    events.addEventListener("report", (event) => showReport(JSON.parse(event.data)));
    events.onopen = () => live.classList.remove("offline");
    events.onerror = () => live.classList.add("offline");
  }

  function upload(file) {
    const form = byId("upload");
    const status = byId("upload-status");
    const bar = byId("upload-progress");
    const accepted = byId("file-input").accept.split(",");
    const lower = file.name.toLowerCase();
    byId("upload-report").hidden = true;
    if (!accepted.some((extension) => lower.endsWith(extension))) {
      status.textContent = file.name + " is not a file bookdrop reads (" + byId("file-input").accept + ").";
      status.className = "error";
      return;
    }
    const maxBytes = Number(form.dataset.maxBytes);
    if (file.size > maxBytes) {
      status.textContent = file.name + " is " + number.format(file.size) + " bytes, over the console's limit of "
        + number.format(Math.floor(maxBytes / 1048576)) + " MB; copy it into the inbox instead.";
      status.className = "error";
      return;
    }
    const request = new XMLHttpRequest();
    request.open("POST", form.getAttribute("action"));
    request.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    request.setRequestHeader("Content-Type", "application/octet-stream");
    const folder = byId("upload-folder");
    if (folder && folder.value) {
      request.setRequestHeader("X-Mapping-Folder", folder.value);
    }
    bar.hidden = false;
    bar.value = 0;
    status.className = "";
    status.textContent = "Sending " + file.name + "…";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        bar.max = event.total;
        bar.value = event.loaded;
      }
    };
    request.onload = () => {
      let answer = {};
      try {
        answer = JSON.parse(request.responseText);
      } catch (e) {
        answer = { error: request.statusText };
      }
      if (request.status === 201) {
        followed = answer.file;
        status.textContent = "Sent as " + answer.file + "; waiting for bookdrop to import it…";
      } else {
        status.textContent = "Refused: " + (answer.error || request.statusText);
        status.className = "error";
      }
    };
    request.onerror = () => {
      status.textContent = "The upload of " + file.name + " broke off; nothing of it was kept.";
      status.className = "error";
    };
    request.send(file);
  }

  function dropZone() {
    const zone = byId("dropzone");
    const input = byId("file-input");
    if (!zone || !input) {
      return;
    }
    input.addEventListener("change", () => {
      if (input.files.length > 0) {
        upload(input.files[0]);
        input.value = "";
      }
    });
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("over");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("over");
      if (event.dataTransfer.files.length > 0) {
        upload(event.dataTransfer.files[0]);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    listen();
    dropZone();
  });
})();
