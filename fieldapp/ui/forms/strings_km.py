"""Khmer for the form window's own words: English source text -> Khmer (for the i18n merge)."""

from __future__ import annotations

STRINGS_KM: dict[str, str] = {
    # editors
    "YYYY-MM-DD": "ឆ្នាំ-ខែ-ថ្ងៃ",
    "Today": "ថ្ងៃនេះ",
    "YYYY-MM-DD HH:MM": "ឆ្នាំ-ខែ-ថ្ងៃ ម៉ោង:នាទី",
    "Now": "ឥឡូវនេះ",
    "— choose —": "— ជ្រើសរើស —",
    "Images (*.jpg *.jpeg *.png *.heic)": "រូបភាព (*.jpg *.jpeg *.png *.heic)",
    "Recordings (*.m4a *.mp3 *.ogg *.wav *.amr)": "ការថតសំឡេង (*.m4a *.mp3 *.ogg *.wav *.amr)",
    "All files (*)": "ឯកសារទាំងអស់ (*)",
    "Attach a file": "ភ្ជាប់ឯកសារ",
    "Encrypting and storing {name}…": "កំពុងអ៊ិនគ្រីប និងរក្សាទុក {name}…",
    "Attached: {name} (stored encrypted)": "បានភ្ជាប់៖ {name} (រក្សាទុកដោយអ៊ិនគ្រីប)",
    "A file is attached (stored encrypted).": "មានឯកសារភ្ជាប់ (រក្សាទុកដោយអ៊ិនគ្រីប)។",
    "Nothing attached.": "មិនទាន់មានឯកសារភ្ជាប់ទេ។",
    "Choose file…": "ជ្រើសរើសឯកសារ…",
    "Remove": "ដកចេញ",
    "Yes": "បាទ/ចាស",
    "No": "ទេ",
    # the form
    "Add an entry to “{label}”": "បន្ថែមមួយទៀតក្នុង «{label}»",
    "{label}: entry {n}": "{label}៖ ទី {n}",
    "Remove entry {n}": "ដកចេញទី {n}",
    "The draft could not be saved: {reason}": "មិនអាចរក្សាទុកសេចក្ដីព្រាងបានទេ៖ {reason}",
    "Opening the form…": "កំពុងបើកទម្រង់…",
    "English": "English",
    "ភាសាខ្មែរ": "ភាសាខ្មែរ",
    "Show this form in the other language; nothing typed is lost.":
        "បង្ហាញទម្រង់នេះជាភាសាផ្សេង។ អ្វីដែលបានវាយមិនបាត់ទេ។",
    "Save record": "រក្សាទុកកំណត់ត្រា",
    "Ctrl+Enter": "Ctrl+Enter",
    "Close (keep draft)": "បិទ (រក្សាសេចក្ដីព្រាង)",
    "Discard draft…": "បោះបង់សេចក្ដីព្រាង…",
    "Throw away everything typed in this form? This cannot be undone.":
        "បោះបង់អ្វីៗទាំងអស់ដែលបានវាយក្នុងទម្រង់នេះ? មិនអាចត្រឡប់វិញបានទេ។",
    "Discard": "បោះបង់",
    "Keep it": "រក្សាទុក",
    "Your unsaved draft from {time} was restored.":
        "សេចក្ដីព្រាងដែលមិនទាន់រក្សាទុករបស់អ្នកពី {time} ត្រូវបានស្ដារឡើងវិញ។",
    "Draft saved (encrypted) at {time}": "បានរក្សាទុកសេចក្ដីព្រាង (អ៊ិនគ្រីប) នៅម៉ោង {time}",
    "%n answer(s) need attention before this can be saved.":
        "មានចម្លើយ %n ដែលត្រូវពិនិត្យមុនពេលរក្សាទុក។",
    "Saving…": "កំពុងរក្សាទុក…",
    # unfinished forms at unlock
    "{form} — saved {time} — {n} answers": "{form} — រក្សាទុកនៅ {time} — ចម្លើយ {n}",
    "Unfinished forms": "ទម្រង់ដែលមិនទាន់បញ្ចប់",
    "These forms were not finished (the app was closed or the power went off). Everything "
    "typed was kept, encrypted. Resume one, or discard it.":
        "ទម្រង់ទាំងនេះមិនទាន់បញ្ចប់ទេ (កម្មវិធីត្រូវបានបិទ ឬដាច់ភ្លើង)។ អ្វីៗដែលបានវាយ"
        "ត្រូវបានរក្សាទុកដោយអ៊ិនគ្រីប។ សូមបន្តទម្រង់មួយ ឬបោះបង់វា។",
    "Resume": "បន្ត",
    "Later": "ពេលក្រោយ",
    # h12
    "{form} — for {person}": "{form} — សម្រាប់ {person}",
    "Undo: put entry {n} back": "មិនធ្វើវិញ៖ ដាក់ធាតុទី {n} មកវិញ",
}
