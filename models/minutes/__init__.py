"""models/minutes: meeting minutes (会议记录), convening, follow-ups and 四议两公开."""
