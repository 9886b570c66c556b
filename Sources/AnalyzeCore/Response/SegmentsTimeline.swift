/// The `svg` format of `exportSegments`: a timeline picture of a task's
/// segments. One lane per segment definition (in result order, labelled with
/// its id and segment count) on a shared time axis, each segment a bar from its
/// start to its end time, labelled with its first scalar metadata value and
/// carrying its whole metadata as a `<title>` tooltip. People read where the
/// goals are faster from this than from a list.
///
/// The axis runs from 0 to the video's duration (`video_source.duration`) or,
/// when that is unknown or shorter, to the last segment's end. A segment that
/// cannot be drawn (a time unknown or negative, or `end_time` not after
/// `start_time`) is left out and counted in the picture's `<desc>`. Output is
/// SVG 1.1, standalone, with every text escaped for XML and characters XML
/// cannot hold replaced by U+FFFD; its size is linear in the number of segments.
enum SegmentsTimeline {
    /// Left margin holding the lane labels, in pixels.
    static let labelWidth = 180
    /// Width of the time axis, in pixels.
    static let plotWidth = 800
    /// Height of one lane, and of the bar inside it.
    static let laneHeight = 36, barHeight = 24
    /// Top of the first lane (below the title and the axis labels).
    static let plotTop = 56
    /// Fill colours of the lanes, repeated after the last.
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
    /// Longest bar label, in characters.
    static let labelCharacters = 24

    /// The SVG text of `segments` (a normalized `result.segments` object) of
    /// `task`, on an axis of at least `videoDuration` seconds when it is known.
    static func svg(_ segments: JSONValue, task: JSONNode, videoDuration: Double?) -> String {
        let lanes: [(id: String, rows: [SegmentsExport.Row])]
        if case .object(let definitions) = segments {
            let rows = SegmentsExport.rows(segments)
            var byDefinition: [String: [SegmentsExport.Row]] = [:]
            for row in rows { byDefinition[row.definition, default: []].append(row) }
            var seen: Set<String> = []
            lanes = definitions.compactMap { seen.insert($0.key).inserted ? ($0.key, byDefinition[$0.key] ?? []) : nil }
        } else {
            lanes = []
        }
        var drawable: [(lane: Int, row: SegmentsExport.Row, start: Double, end: Double)] = []
        var skipped = 0
        var lastEnd = 0.0
        for (lane, entry) in lanes.enumerated() {
            for row in entry.rows {
                guard let start = row.start, let end = row.end, start >= 0, end > start else {
                    skipped += 1
                    continue
                }
                drawable.append((lane, row, start, end))
                lastEnd = max(lastEnd, end)
            }
        }
        var duration = lastEnd
        if let known = videoDuration, known.isFinite, known > duration {
            duration = known
        }
        if duration <= 0 { duration = 1 }

        let height = plotTop + max(lanes.count, 1) * laneHeight + 28
        let width = labelWidth + plotWidth + 20
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"12\">\n"
        let taskID = task["task_id"]?.string ?? ""
        text += "<title>" + xmlText("segments of task " + taskID) + "</title>\n"
        text += "<desc>" + xmlText("\(drawable.count) segments drawn, \(skipped) without drawable times left out; axis 0 to \(seconds(duration)) s") + "</desc>\n"
        text += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        text += "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">" + xmlText("task " + taskID) + "</text>\n"

        // The time axis: ticks at a round step, labels above the lanes, grid lines through them.
        let step = tickStep(duration)
        let bottom = plotTop + max(lanes.count, 1) * laneHeight
        var tick = 0.0
        var tickIndex = 0
        while tick <= duration * 1.000_000_1 {
            let x = xPosition(tick, duration)
            text += "<line x1=\"\(x)\" y1=\"\(plotTop - 6)\" x2=\"\(x)\" y2=\"\(bottom)\" stroke=\"#dddddd\"/>\n"
            text += "<text x=\"\(x)\" y=\"\(plotTop - 10)\" text-anchor=\"middle\" fill=\"#555555\">" + clock(tick, step: step) + "</text>\n"
            tickIndex += 1
            tick = Double(tickIndex) * step
        }
        text += "<line x1=\"\(labelWidth)\" y1=\"\(bottom)\" x2=\"\(labelWidth + plotWidth)\" y2=\"\(bottom)\" stroke=\"#888888\"/>\n"

        for (lane, entry) in lanes.enumerated() {
            let top = plotTop + lane * laneHeight
            let label = entry.id + " (" + String(entry.rows.count) + ")"
            text += "<text x=\"\(labelWidth - 8)\" y=\"\(top + laneHeight / 2 + 4)\" text-anchor=\"end\">" + xmlText(shortened(label)) + "</text>\n"
        }
        for bar in drawable {
            let top = plotTop + bar.lane * laneHeight + (laneHeight - barHeight) / 2
            let x = xPosition(bar.start, duration)
            let barWidth = max(xPosition(bar.end, duration) - x, 4)
            let colour = palette[bar.lane % palette.count]
            let tooltip = bar.row.definition + " " + seconds(bar.start) + "–" + seconds(bar.end) + " s "
                + String(decoding: ResultValue.bytes(of: bar.row.metadata), as: UTF8.self)
            text += "<g class=\"segment\" data-definition=\"" + xmlText(bar.row.definition) + "\" data-start=\"" + seconds(bar.start)
                + "\" data-end=\"" + seconds(bar.end) + "\"><title>" + xmlText(tooltip) + "</title>"
            text += "<rect x=\"\(x)\" y=\"\(top)\" width=\"\(barWidth)\" height=\"\(barHeight)\" rx=\"3\" fill=\"\(colour)\"/>"
            if let caption = caption(bar.row.metadata) {
                text += captionText(shortened(caption), barX: x, barWidth: barWidth, baseline: top + barHeight / 2 + 4)
            }
            text += "</g>\n"
        }
        text += "</svg>\n"
        return text
    }

    /// Width of one caption character, in pixels (12 px sans-serif, a generous average).
    static let characterWidth = 7

    /// A bar's caption: inside the bar when it fits there, else just after the
    /// bar, else (near the right edge) just before it — never over another
    /// bar's start nor past the picture's edge.
    static func captionText(_ caption: String, barX: Int, barWidth: Int, baseline: Int) -> String {
        let width = caption.unicodeScalars.count * characterWidth + 6
        let position: String
        if width <= barWidth {
            position = "x=\"\(barX + 3)\""
        } else if barX + barWidth + width <= labelWidth + plotWidth + 20 {
            position = "x=\"\(barX + barWidth + 3)\""
        } else {
            position = "x=\"\(barX - 3)\" text-anchor=\"end\""
        }
        return "<text " + position + " y=\"\(baseline)\" fill=\"#000000\">" + xmlText(caption) + "</text>"
    }

    /// The x pixel of time `t` on an axis of `duration` seconds.
    static func xPosition(_ t: Double, _ duration: Double) -> Int {
        let fraction = min(max(t / duration, 0), 1)
        return labelWidth + Int((fraction * Double(plotWidth)).rounded())
    }

    /// A round tick step giving at most about ten ticks over `duration`.
    static func tickStep(_ duration: Double) -> Double {
        let steps: [Double] = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600]
        let wanted = duration / 10
        if let step = steps.first(where: { $0 >= wanted }) { return step }
        var step = 7200.0
        while step < wanted { step *= 2 }
        return step
    }

    /// `m:ss` or `h:mm:ss` (with tenths when the step is under a second).
    static func clock(_ t: Double, step: Double) -> String {
        let tenths = Int64((t * 10).rounded())
        let whole = tenths / 10
        let hours = whole / 3600, minutes = whole / 60 % 60, secs = whole % 60
        var text = hours > 0 ? String(hours) + ":" + twoDigits(minutes) : String(minutes)
        text += ":" + twoDigits(secs)
        if step < 1 { text += "." + String(tenths % 10) }
        return text
    }

    private static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }

    /// Seconds as the JSON writer writes them (shortest round trip).
    static func seconds(_ value: Double) -> String {
        String(decoding: ResultValue.bytes(of: .double(value)), as: UTF8.self)
    }

    /// The first string, number or boolean value of a metadata object.
    static func caption(_ metadata: JSONValue) -> String? {
        guard case .object(let members) = metadata else { return nil }
        for member in members {
            switch member.value {
            case .string(let text): return text
            case .int, .double, .bool: return String(decoding: ResultValue.bytes(of: member.value), as: UTF8.self)
            default: continue
            }
        }
        return nil
    }

    /// `text` cut to `labelCharacters` characters, with an ellipsis when cut.
    static func shortened(_ text: String) -> String {
        var scalars = text.unicodeScalars[...]
        guard scalars.count > labelCharacters else { return text }
        scalars = scalars.prefix(labelCharacters - 1)
        return String(String.UnicodeScalarView(scalars)) + "…"
    }

    /// `text` escaped for XML character data and attribute values; characters
    /// XML 1.0 cannot hold (controls other than tab/LF/CR, U+FFFE, U+FFFF) become U+FFFD.
    static func xmlText(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }
}
